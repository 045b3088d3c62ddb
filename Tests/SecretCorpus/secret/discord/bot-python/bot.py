import discord

intents = discord.Intents.default()
intents.message_content = True
client = discord.Client(intents=intents)


@client.event
async def on_message(message):
    if message.content.startswith("!ping"):
        await message.channel.send("pong")

client.run("NzA1NDkwMDgxNTI2Mjg1ODUz.RutDEf.0RlqWjcokvDaShVtxCF7XxQgbpzjHmFtX3I6Cm")
