throw new Error('electron-webrtc is not available in the offline test node');
