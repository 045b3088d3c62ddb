@echo off
set DB_SERVER=SQL01\PROD
set DB_PASSWORD=Winter$3163x
set API_TOKEN=FE7ZAwamvYFHRGS2hgzixkoUHddzjFRY
start "" "C:\Program Files\Acme\sync.exe" /server %DB_SERVER%
