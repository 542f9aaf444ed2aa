# Microsoft Teams adapter: the adapter's own sentences (the engine's are in engine files).

teams-file-too-large = This file is too large: { $max } MB at most. Send a lighter photo or a smaller PDF.
teams-file-unsupported = I can only keep photos (JPEG, PNG, WebP, GIF), PDFs and text files as evidence.
teams-file-unreachable = I could not fetch this file from Teams. Please send it again.
teams-file-kept = The file “{ $name }” ({ $kb } KB) is kept with the case; Teams cannot show it here.
teams-error-generic = Sorry, something went wrong on our side. Please try again in a moment.
teams-welcome-team = Palabre is ready in this team. Mention me with a command, for example “@Palabre help”. Buyers and sellers talk to me in a personal chat.
teams-write-privately = Your orders and cases are nobody else’s business: write to me in a private chat with Palabre and I will answer you there.
