const { App } = require('@slack/bolt');

const app = new App({
  token: process.env.SLACK_BOT_TOKEN,
  appToken: "xapp-1-A0JE97PMZF8-4229532687331-c74e014ed745ba777e268c0251af31bf84ba4151d0e721372b9d88f501e6c75f",
  socketMode: true,
});

app.command('/deploy', async ({ ack, respond, command }) => {
  await ack();
  await respond(`Deploying ${command.text}…`);
});

(async () => { await app.start(); })();
