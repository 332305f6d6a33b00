/** The original's flash messages for each success, word for word, so a front end can show what it showed. */
export const SUCCESS_MESSAGES = {
  register: 'Your account has been created! You are now able to log in',
  updateAccount: 'Your account has been updated!',
  createPost: 'Your post has been created!',
  updatePost: 'Your post has been updated!',
  deletePost: 'Your post has been deleted!',
} as const;

export const SUCCESS_MESSAGE_DESCRIPTION = "The original Flask Blog's message for this success, to show the user.";
