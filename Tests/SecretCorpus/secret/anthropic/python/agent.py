import anthropic

client = anthropic.Anthropic(api_key="sk-ant-api03-uAjbnCwVRd91WxVpVrVUOc89YrqK2YY_KQPLfDFN_7KSeSoEMJPqohp048S8njYaGNGW5-ocj51UkBrwAtE9kocWBHEgtAA")

msg = client.messages.create(
    model="claude-3-5-sonnet-20240620",
    max_tokens=512,
    messages=[{"role": "user", "content": "Classify this ticket: printer on fire"}],
)
print(msg.content[0].text)
