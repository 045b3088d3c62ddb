async function exchangeCode(code) {
  const res = await fetch('https://auth.acme.io/oauth/token', {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code',
      code,
      client_id: config.clientId,
      client_secret: config.clientSecret,
      redirect_uri: config.redirectUri,
    }),
  });
  const { access_token: accessToken, refresh_token: refreshToken } = await res.json();
  return { accessToken, refreshToken };
}

module.exports = { exchangeCode };
