from square.client import Client

client = Client(access_token='EAAASOvmFuLICKH9_z_tLl3ev2xSmrDg6CsWZR8PoXhUOuHLFwCa2foRCBpDJ4b6', environment='production')
result = client.locations.list_locations()
