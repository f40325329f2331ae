// create-vite's src/main.tsx (react-ts template), unchanged but for the file name: it imports App as the
// default export, which the README's quick start provides. Compiled by the type check, not shown anywhere.
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import App from './readme-app.tsx';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
