import sendgrid
from sendgrid.helpers.mail import Mail

sg = sendgrid.SendGridAPIClient(api_key='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')


def welcome(to_email):
    msg = Mail(from_email='hello@acme.io', to_emails=to_email, subject='Welcome!', html_content='<p>Hi!</p>')
    return sg.send(msg)
