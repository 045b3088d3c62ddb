export class AuthConfig {
  static readonly issuer = 'https://auth.acme.io';
  static readonly clientSecret = "aSowt3ySLRbYARQ48wTil4DlbNpQ4hTO5TJbx1Wy";
  static readonly audience = 'api://default';
}
