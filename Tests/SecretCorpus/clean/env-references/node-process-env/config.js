require('dotenv').config();

module.exports = {
  port: Number(process.env.PORT || 3000),
  db: {
    host: process.env.DB_HOST,
    user: process.env.DB_USER,
    password: process.env.DB_PASSWORD,
  },
  apiKey: process.env.API_KEY,
  jwtSecret: process.env.JWT_SECRET ?? (() => { throw new Error('JWT_SECRET missing'); })(),
};
