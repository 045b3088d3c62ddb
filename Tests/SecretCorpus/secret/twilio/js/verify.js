const twilio = require('twilio');
const client = twilio('ACbd4d7d167995d8407de7faf150f1ff39', '67129176aaba18bc9136f43f5b8c0250');

exports.startVerification = (phone) =>
  client.verify.v2.services('VAc9286b7a3a8c06691511076a34236b0e').verifications.create({ to: phone, channel: 'sms' });
