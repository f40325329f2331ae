import { beyondReact } from '../beyond-react.mjs';

export default beyondReact('scripts/size/login-form-app.js');
