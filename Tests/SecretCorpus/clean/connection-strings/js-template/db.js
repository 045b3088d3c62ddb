const { Pool } = require('pg');

const pool = new Pool({
  connectionString: `postgres://${process.env.PGUSER}:${encodeURIComponent(process.env.PGPASSWORD)}@${process.env.PGHOST}/app`,
});

module.exports = pool;
