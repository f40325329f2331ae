import { beyondReact } from '../beyond-react.mjs';

export default beyondReact('scripts/size/whole-library.js');
