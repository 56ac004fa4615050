/** Where this device keeps its learner key: the only thing that ties a phone to a learner's record. */
export const learnerKeyStorage = "hotseat.learnerKey";
