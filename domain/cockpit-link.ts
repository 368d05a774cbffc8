/** A process instance's page in Cockpit (diagram, token, incidents: `tab` opens one of its tabs, e.g. incidents-tab). */
export const cockpitInstanceLink = (engineWebappUrl: string, processInstanceId: string, tab?: string) =>
  `${engineWebappUrl.replace(/\/$/, '')}/app/cockpit/default/#/process-instance/${encodeURIComponent(processInstanceId)}/runtime${tab ? `?tab=${tab}` : ''}`;
