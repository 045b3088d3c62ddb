import mailchimp_marketing as MailchimpMarketing

client = MailchimpMarketing.Client()
client.set_config({"api_key": "e32582538c938b3b23cb09dc827d11e5-us15", "server": "us15"})
print(client.ping.get())
