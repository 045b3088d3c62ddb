from twilio.rest import Client

account_sid = "AC15e0e8b8fb1755b1087820cac640a98a"
auth_token = "cf03ab8776018a2620843e213847080b"
client = Client(account_sid, auth_token)


def send(to: str, body: str):
    return client.messages.create(to=to, from_="+14155550142", body=body)
