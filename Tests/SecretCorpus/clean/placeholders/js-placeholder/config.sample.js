module.exports = {
  port: 3000,
  mongoUri: 'mongodb+srv://<username>:<password>@cluster0.example.mongodb.net/test',
  sessionSecret: process.env.SESSION_SECRET,
  stripeKey: 'sk_test_...'
};
