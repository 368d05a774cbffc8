/** The reviewers' page opened at one request (its route is the id after `#`); Tasklist's form and Cockpit link to it. */
export const reviewLink = (publicBaseUrl: string, registrationId: string) =>
  `${publicBaseUrl.replace(/\/+$/, '')}/review/#${encodeURIComponent(registrationId)}`;
