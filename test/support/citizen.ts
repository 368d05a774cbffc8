/** What the civil registry holds of a person: the fields the simulator's record takes, and nothing else of them. */
export const citizenOf = (p: {
  nationalCode: string;
  birthDate: string;
  firstName: string;
  lastName: string;
  fatherName: string;
}) => ({
  nationalCode: p.nationalCode,
  birthDate: p.birthDate,
  firstName: p.firstName,
  lastName: p.lastName,
  fatherName: p.fatherName,
});
