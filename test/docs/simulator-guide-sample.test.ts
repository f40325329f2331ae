// The sample of the guide "Using the simulator in your own tests" (docs/examples/simulator-vitest.tsx), run as
// it is: its tests register on import.
import '../../docs/examples/simulator-vitest';
