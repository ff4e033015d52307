import { Foundation1764230400000 } from './1764230400000-foundation.js';
import { Hardening1764316800000 } from './1764316800000-hardening.js';
import { Registration1764403200000 } from './1764403200000-registration.js';
import { RegistrationProof1764489600000 } from './1764489600000-registration-proof.js';
import { Policy1764576000000 } from './1764576000000-policy.js';
import { GatewaySandboxes1764662400000 } from './1764662400000-gateway-sandboxes.js';
import { Applications1764748800000 } from './1764748800000-applications.js';

/** Every migration, oldest first. A new one is added here as well as in its own file. */
export const MIGRATIONS = [
  Foundation1764230400000,
  Hardening1764316800000,
  Registration1764403200000,
  RegistrationProof1764489600000,
  Policy1764576000000,
  GatewaySandboxes1764662400000,
  Applications1764748800000,
];
