import OpenAI from 'openai';

const openai = new OpenAI({ apiKey: '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' });

export async function embed(input: string) {
  const r = await openai.embeddings.create({ model: 'text-embedding-3-small', input });
  return r.data[0].embedding;
}
