const mongoose = require('mongoose');

const uri = 'mongodb+srv://api-svc:QQ4sFXez4hZGC99W@cluster0.x7k2p.mongodb.net/orders?retryWrites=true&w=majority';

mongoose.connect(uri, { serverSelectionTimeoutMS: 5000 })
  .then(() => console.log('mongo connected'))
  .catch((err) => { console.error(err); process.exit(1); });
