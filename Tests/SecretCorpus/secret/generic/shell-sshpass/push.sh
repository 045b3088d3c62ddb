#!/bin/sh
sshpass -p 'Tiger%1697!!' scp -o StrictHostKeyChecking=no build.tar.gz deploy@10.4.2.8:/opt/app/
