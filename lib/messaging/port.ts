/** The runtime port content scripts send protocol requests over (lib/messaging/client.ts createPortClient). */
export const REQUEST_PORT_NAME = 'careside/requests';

/** One request on the port: `request` is a protocol message (`{ type, payload }`). */
export interface PortRequest {
  id: number;
  request: unknown;
}
