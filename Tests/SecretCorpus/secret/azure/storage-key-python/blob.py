from azure.storage.blob import BlobServiceClient

ACCOUNT_URL = "https://logsarchive7.blob.core.windows.net"
credential = {"account_name": "logsarchive7", "account_key": "G/QdSwERg10hEaQu0d/qu9ffeAQDNffnM24w3jdqtkHJMnyAshGAR4dXTv7kvWbPGMOAWNhfHtp2HsN88Cm+2Q=="}

service = BlobServiceClient(account_url=ACCOUNT_URL, credential=credential)
