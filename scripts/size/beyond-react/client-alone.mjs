import { beyondReact } from '../beyond-react.mjs';

export default beyondReact('scripts/size/client-alone.js');
