import { initializeApp } from 'firebase/app';

const firebaseConfig = {
  apiKey: "AIza8Jkaxx-Ar5XTya5ItHXLdCdyEXIS7yeCRJ7",
  authDomain: "acme-prod-3b2f1.firebaseapp.com",
  projectId: "acme-prod-3b2f1",
  storageBucket: "acme-prod-3b2f1.appspot.com",
  messagingSenderId: "418203957713",
  appId: "1:418203957713:web:9c1f2e0a7d4b6e83f1a2c4"
};

export const app = initializeApp(firebaseConfig);
