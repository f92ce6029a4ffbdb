// CareSide team database: what CouchDB accepts from an agent. Installed as
// _design/careside by `npm run team:setup -- <server-url> <db>`; plain ES5 for CouchDB's
// JavaScript engine. Document shapes: lib/sync/docs.ts.
// eslint-disable-next-line @typescript-eslint/no-unused-vars -- CouchDB calls it from the design document
function validateDocUpdate(newDoc, oldDoc, userCtx) {
  var isAdmin = userCtx.roles.indexOf('_admin') !== -1;
  var statuses = ['new', 'responded', 'handed_off', 'waiting_on_customer', 'resolved', 'closed'];
  var id = newDoc._id;

  function refuse(reason) {
    throw { forbidden: reason };
  }
  function isTime(value) {
    return typeof value === 'number' && value >= 0 && Math.floor(value) === value;
  }
  function isObject(value) {
    return value !== null && typeof value === 'object' && !Array.isArray(value);
  }

  // Each mergeable case field carries the clock stamp of its last change, which names the agent
  // (lib/merge/hlc.ts). A stamp this revision brings (not in the one it replaces) must be the
  // writer's; stamps already there may be anyone's, so a merge of teammates' edits goes through.
  // A value changed under an unchanged stamp is a change nobody signed. A new document may hold
  // unstamped values (the case as logged, triage's priority).
  function checkFieldAuthors(item, old) {
    var zero = '000000000-0000-0';
    var stampPattern = /^[0-9a-z]{9}-[0-9a-z]{4}-[A-Za-z0-9._@+-]{1,100}$/;
    var parts = {
      status: ['status', 'statusEpoch'],
      assignee: ['assignee'],
      priority: ['priority'],
      followUpAt: ['followUpAt'],
      tags: ['tags'],
    };
    var clocks = item.clocks === undefined ? {} : item.clocks;
    if (!isObject(clocks)) refuse(id + ': clocks must map fields to stamps.');
    var oldClocks = old && isObject(old.clocks) ? old.clocks : {};
    for (var field in parts) {
      var stamp = clocks[field] === undefined ? zero : clocks[field];
      if (typeof stamp !== 'string' || !stampPattern.test(stamp)) refuse(id + ': the ' + field + ' stamp is not a clock stamp.');
      var oldStamp = oldClocks[field] === undefined ? zero : oldClocks[field];
      if (stamp !== oldStamp) {
        var by = stamp.slice(15);
        if (by !== userCtx.name) {
          refuse(
            id +
              ': ' +
              field +
              ' is stamped as changed by ' +
              by +
              '; a change must be stamped by the user who writes it (' +
              userCtx.name +
              ').',
          );
        }
      } else if (old) {
        for (var i = 0; i < parts[field].length; i++) {
          var name = parts[field][i];
          if (valueText(name, item[name]) !== valueText(name, old[name])) {
            refuse(id + ': ' + name + ' changed without a new stamp of the user who writes it (' + userCtx.name + ').');
          }
        }
      }
    }
  }
  function valueText(name, value) {
    if (value === undefined || value === null) return name === 'statusEpoch' ? '0' : '';
    if (Array.isArray(value)) return JSON.stringify(value.slice().sort());
    return JSON.stringify(value);
  }

  if (id.indexOf('_design/') === 0) {
    if (!isAdmin) refuse('Only a server admin can change the design document.');
    return;
  }
  if (newDoc._deleted) {
    // Settling a conflict deletes the case revisions it merged; timeline entries and notes are never deleted.
    // Presence is deleted when a panel closes, and by anyone once expired (it says nothing then).
    if (id.indexOf('event:') === 0 && !isAdmin) refuse('Timeline entries cannot be deleted.');
    if (id.indexOf('note:') === 0 && !isAdmin) refuse('Notes cannot be deleted.');
    if (id.indexOf('agent:') === 0 && !isAdmin && id !== 'agent:' + userCtx.name)
      refuse(id + ': only that agent removes their agent document.');
    return;
  }

  if (id.indexOf('case:') === 0) {
    var item = newDoc['case'];
    if (newDoc.kind !== 'case' || !isObject(item)) refuse(id + ': a case document needs kind "case" and a case.');
    if ('case:' + item.postKey !== id) refuse(id + ': a case document id must be "case:" and its post key.');
    if (typeof item.ref !== 'string' || !/^CS-[0-9A-HJKMNP-TV-Z]{4,8}$/.test(item.ref)) refuse(id + ': the ref must look like CS-7F3K.');
    if (statuses.indexOf(item.status) === -1) refuse(id + ': "' + item.status + '" is not a CareSide status.');
    if (!isTime(item.createdAt) || !isTime(item.updatedAt)) refuse(id + ': createdAt and updatedAt must be times (epoch ms).');
    if (!isObject(item.post) || typeof item.post.text !== 'string') refuse(id + ': the case has no post.');
    if (item.events !== undefined) refuse(id + ': timeline entries go in event documents, not in the case.');
    if (item.notes !== undefined) refuse(id + ': notes go in note documents, not in the case.');
    if (!isAdmin) checkFieldAuthors(item, oldDoc && !oldDoc._deleted && isObject(oldDoc['case']) ? oldDoc['case'] : null);
    return;
  }

  if (id.indexOf('event:') === 0) {
    var event = newDoc.event;
    if (newDoc.kind !== 'event' || !isObject(event)) refuse(id + ': an event document needs kind "event" and an event.');
    if (typeof newDoc.postKey !== 'string' || id.indexOf('event:' + newDoc.postKey + ':') !== 0) {
      refuse(id + ': an event document id must be "event:", its post key and the event id.');
    }
    if (!isTime(event.at) || typeof event.type !== 'string') refuse(id + ': an event needs a time (at) and a type.');
    if (!isAdmin && newDoc.author !== userCtx.name)
      refuse(id + ': an event must be authored by the user who writes it (' + userCtx.name + ').');
    if (event.by !== undefined && event.by !== newDoc.author) refuse(id + ': the event names another author than its document.');
    if (oldDoc && !oldDoc._deleted && !isAdmin) refuse(id + ': timeline entries are written once.');
    return;
  }

  if (id.indexOf('note:') === 0) {
    var note = newDoc.note;
    if (newDoc.kind !== 'note' || !isObject(note)) refuse(id + ': a note document needs kind "note" and a note.');
    if (typeof newDoc.postKey !== 'string' || typeof note.id !== 'string' || id !== 'note:' + newDoc.postKey + ':' + note.id) {
      refuse(id + ': a note document id must be "note:", its post key and the note id.');
    }
    if (typeof note.text !== 'string' || note.text.length === 0 || note.text.length > 5000)
      refuse(id + ': a note needs text (1-5000 characters).');
    if (!isTime(note.createdAt)) refuse(id + ': a note needs a time (createdAt).');
    if (!isAdmin && newDoc.author !== userCtx.name)
      refuse(id + ': a note must be authored by the user who writes it (' + userCtx.name + ').');
    if (note.by !== undefined && note.by !== newDoc.author) refuse(id + ': the note names another author than its document.');
    if (oldDoc && !oldDoc._deleted && !isAdmin) refuse(id + ': notes are written once.');
    return;
  }

  if (id.indexOf('agent:') === 0) {
    var agent = newDoc.agent;
    if (newDoc.kind !== 'agent' || !isObject(agent)) refuse(id + ': an agent document needs kind "agent" and an agent.');
    if ('agent:' + agent.id !== id) refuse(id + ': an agent document id must be "agent:" and its agent id.');
    if (!isAdmin && agent.id !== userCtx.name) refuse(id + ': an agent writes only their own agent document (' + userCtx.name + ').');
    if (typeof agent.name !== 'string' || agent.name.length === 0 || agent.name.length > 100)
      refuse(id + ': the agent needs a name (1-100 characters).');
    if (agent.email !== undefined && (typeof agent.email !== 'string' || agent.email.length > 254))
      refuse(id + ': the email must be text.');
    if (!isTime(newDoc.updatedAt)) refuse(id + ': updatedAt must be a time (epoch ms).');
    return;
  }

  if (id.indexOf('presence:') === 0) {
    var presence = newDoc.presence;
    if (newDoc.kind !== 'presence' || !isObject(presence)) refuse(id + ': a presence document needs kind "presence" and a presence.');
    if (!isAdmin && presence.agentId !== userCtx.name) refuse(id + ': an agent writes only their own presence (' + userCtx.name + ').');
    if ('presence:' + presence.agentId + ':' + presence.postKey !== id) {
      refuse(id + ': a presence document id must be "presence:", its agent id, ":" and its post key.');
    }
    if (typeof presence.name !== 'string' || presence.name.length === 0) refuse(id + ': presence needs the agent name.');
    if (!isTime(presence.since) || !isTime(presence.expiresAt)) refuse(id + ': presence needs since and expiresAt (epoch ms).');
    return;
  }

  refuse(id + ': not a CareSide document (case:, event:, note:, agent: or presence:).');
}
