from slack_sdk import WebClient

client = WebClient(token="xoxb-672548523862-2427806104731-NmhGh0eaQBtjOjyKpvtToLtm")


def notify(channel: str, text: str) -> None:
    client.chat_postMessage(channel=channel, text=text, unfurl_links=False)
