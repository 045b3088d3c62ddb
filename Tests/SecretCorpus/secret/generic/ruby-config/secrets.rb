Rails.application.configure do
  config.action_mailer.smtp_settings = {
    address: 'smtp.mailgun.org',
    port: 587,
    user_name: 'postmaster@mg.acme.io',
    password: 'f3f29f0c89860fb4d0f503b6e478df8f-46ff8b1b-1b452c63',
    authentication: :plain
  }
end
