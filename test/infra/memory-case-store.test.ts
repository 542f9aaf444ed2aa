import { createMemoryCaseStore } from '../../src/infra/memory-case-store.js';
import { caseStoreContract } from '../ports/case-store.contract.js';

caseStoreContract('memory', () => createMemoryCaseStore());
