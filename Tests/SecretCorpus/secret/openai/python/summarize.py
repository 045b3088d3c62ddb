from openai import OpenAI

client = OpenAI(api_key="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")


def summarize(text: str) -> str:
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "system", "content": "Summarize in 3 bullets."}, {"role": "user", "content": text}],
    )
    return resp.choices[0].message.content
