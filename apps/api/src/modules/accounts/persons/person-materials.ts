import type { AttachmentView } from '@butie/contracts';

/**
 * The proof materials (证明材料) a registration shows, owned by the attachments module: PersonsModule
 * binds this port to AttachmentsService (`useExisting`), so the persons code names only what it needs.
 */
export abstract class PersonMaterials {
  /** The person's registration materials, oldest first; the caller has checked the data scope. */
  abstract listForPerson(personId: string): Promise<AttachmentView[]>;
}
