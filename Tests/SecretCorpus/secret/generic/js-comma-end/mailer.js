const transporter = nodemailer.createTransport({ host: 'smtp.acme.io', port: 465, secure: true, auth: { user: 'bot@acme.io', pass: 'mhnJDXVEpSQ2vf9m' }, pool: true });
