// Pages whose subject does not exist: an unknown participant's profile, a complaint never filed. The
// pages stream behind the root loading.tsx, so by the time they call notFound() the status is already
// 200; the front server asks here first and hands such a request to Next's own 404 page instead.
import { isUnknownParticipantPath } from "../lib/queries/participants";
import { runtime } from "../lib/queries/runtime";

const COMPLAINT_PATH = /^\/complaints\/([^/]+)\/?$/;

/** True for /complaints/<id> whose id is malformed or names no complaint (a chain that is down: false). */
async function isUnknownComplaintPath(path: string): Promise<boolean> {
  const segment = COMPLAINT_PATH.exec(path)?.[1];
  // /complaints/new is the filing form, a page of its own.
  if (segment === undefined || segment === "new") return false;
  let id: string;
  try {
    id = decodeURIComponent(segment); // as Next decodes it for the page
  } catch {
    return true;
  }
  const { status } = await runtime().complaints.complaint(id);
  return status === 400 || status === 404;
}

/** True when `path` (decoded or not) is a page whose subject does not exist. */
export async function isMissingPage(path: string): Promise<boolean> {
  return (await isUnknownParticipantPath(path)) || (await isUnknownComplaintPath(path));
}
