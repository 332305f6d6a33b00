
      export type PossibleTypesResultData = {
  "possibleTypes": {
    "ChangePasswordResult": [
      "ChangePasswordSuccess",
      "ValidationError"
    ],
    "CreatePostResult": [
      "CreatePostSuccess",
      "ValidationError"
    ],
    "DeleteAccountResult": [
      "DeleteAccountSuccess",
      "ValidationError"
    ],
    "DeletePostResult": [
      "DeletePostSuccess",
      "ValidationError"
    ],
    "Error": [
      "InvalidResetTokenError",
      "LoginFailedError",
      "ValidationError"
    ],
    "LoginResult": [
      "LoginFailedError",
      "LoginSuccess",
      "ValidationError"
    ],
    "LogoutAllResult": [
      "LogoutSuccess",
      "ValidationError"
    ],
    "LogoutResult": [
      "LogoutSuccess",
      "ValidationError"
    ],
    "Node": [
      "Post",
      "User"
    ],
    "RegisterResult": [
      "RegisterSuccess",
      "ValidationError"
    ],
    "RequestResetResult": [
      "RequestResetSuccess",
      "ValidationError"
    ],
    "ResetPasswordResult": [
      "InvalidResetTokenError",
      "ResetPasswordSuccess",
      "ValidationError"
    ],
    "RevokeSessionResult": [
      "RevokeSessionSuccess",
      "ValidationError"
    ],
    "UpdateAccountResult": [
      "UpdateAccountSuccess",
      "ValidationError"
    ],
    "UpdatePostResult": [
      "UpdatePostSuccess",
      "ValidationError"
    ]
  }
};
      const result: PossibleTypesResultData = {
  "possibleTypes": {
    "ChangePasswordResult": [
      "ChangePasswordSuccess",
      "ValidationError"
    ],
    "CreatePostResult": [
      "CreatePostSuccess",
      "ValidationError"
    ],
    "DeleteAccountResult": [
      "DeleteAccountSuccess",
      "ValidationError"
    ],
    "DeletePostResult": [
      "DeletePostSuccess",
      "ValidationError"
    ],
    "Error": [
      "InvalidResetTokenError",
      "LoginFailedError",
      "ValidationError"
    ],
    "LoginResult": [
      "LoginFailedError",
      "LoginSuccess",
      "ValidationError"
    ],
    "LogoutAllResult": [
      "LogoutSuccess",
      "ValidationError"
    ],
    "LogoutResult": [
      "LogoutSuccess",
      "ValidationError"
    ],
    "Node": [
      "Post",
      "User"
    ],
    "RegisterResult": [
      "RegisterSuccess",
      "ValidationError"
    ],
    "RequestResetResult": [
      "RequestResetSuccess",
      "ValidationError"
    ],
    "ResetPasswordResult": [
      "InvalidResetTokenError",
      "ResetPasswordSuccess",
      "ValidationError"
    ],
    "RevokeSessionResult": [
      "RevokeSessionSuccess",
      "ValidationError"
    ],
    "UpdateAccountResult": [
      "UpdateAccountSuccess",
      "ValidationError"
    ],
    "UpdatePostResult": [
      "UpdatePostSuccess",
      "ValidationError"
    ]
  }
};
      export default result;
    