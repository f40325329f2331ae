// size-limit entry for "the client alone": `createCustomerClient`, without React.
import { createCustomerClient } from '../../dist/api.js';

console.log(createCustomerClient);
