// What the Admin API's callers hold of it: where and as whom to connect, and the shapes of what it lists.
/** Where and as whom the action talks to Pinecone. */
export interface Connection {
  apiUrl: string;
  authUrl: string;
  apiVersion: string;
  clientId: string;
  clientSecret: string;
}

export interface Project {
  id: string;
  name: string;
}

export interface ApiKey {
  id: string;
  name: string | null;
  roles: string[];
}
