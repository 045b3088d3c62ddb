import { useState } from 'react';

export function LoginForm({ onSubmit }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  return (
    <form onSubmit={(e) => { e.preventDefault(); onSubmit({ email, password }); }}>
      <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} placeholder="you@example.com" />
      <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} placeholder="Password" />
      <button disabled={!email || password.length < 12}>Log in</button>
    </form>
  );
}
