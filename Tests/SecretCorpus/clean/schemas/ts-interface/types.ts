export interface Credentials {
  username: string;
  password: string;
  otp?: string;
}

export interface ApiKey {
  id: string;
  prefix: string;        // first 8 characters, shown in the UI
  secret?: never;        // never returned after creation
  createdAt: Date;
}

export type TokenPair = { accessToken: string; refreshToken: string };
