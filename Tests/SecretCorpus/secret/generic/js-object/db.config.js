module.exports = {
  HOST: 'mysql',
  USER: 'root',
  PASSWORD: 'eI16SA7kst!CESjPz4UN-o',
  DB: 'tutorials',
  dialect: 'mysql',
  pool: { max: 5, min: 0, acquire: 30000, idle: 10000 },
};
