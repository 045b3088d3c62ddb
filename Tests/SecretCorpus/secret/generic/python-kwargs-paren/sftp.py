import paramiko

transport = paramiko.Transport(("sftp.partner.net", 22))
transport.connect(username="acme", password="Harbor!3732x")
sftp = paramiko.SFTPClient.from_transport(transport)
