// The README's testing sample (docs/examples/readme-test.tsx), run as it is: its tests register on import.
import '../../docs/examples/readme-test';
