from telegram.ext import ApplicationBuilder, CommandHandler


async def start(update, context):
    await update.message.reply_text('hi')

app = ApplicationBuilder().token('1541158447:AAiHRsRJscCWBzwEmQ2-7m8e4kee1d5gvI6').build()
app.add_handler(CommandHandler('start', start))
app.run_polling()
