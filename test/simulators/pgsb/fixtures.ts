/** Fictitious people for the simulated registries; the codes are shaped like national codes, nothing more. */
export const living = {
  nationalCode: '0012345678',
  birthDate: '1370/01/15',
  firstName: 'سارا',
  lastName: 'احمدی',
  fatherName: 'علی',
  alive: true,
};
export const deceased = {
  nationalCode: '0087654321',
  birthDate: '1320/07/01',
  firstName: 'حسن',
  lastName: 'کریمی',
  fatherName: 'رضا',
  alive: false,
};

export const CIVIL_REGISTRY_PATH = '/r1/IR/GOV/NOCR/CIVIL-REGISTRY/inquiry/v1';
export const SHAHKAR_PATH = '/r1/IR/GOV/CRA/SHAHKAR/match/v1';

export const busHeaders = (messageId = 'msg-1') => ({
  'x-road-client': 'IR/GOV/ORG/PAYAM',
  'x-road-id': messageId,
  'x-road-userid': 'payam-registration',
  authorization: 'Bearer sim-token',
});
