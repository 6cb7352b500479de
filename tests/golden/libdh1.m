libdh1 ; $$FUNC^%DH: decimal to hexadecimal, default width 8, explicit width
 for d=0,1,9,10,15,16,255,256,4095,65535,65536,2147483647,4294967295,4294967296 write d,": ",$$FUNC^%DH(d),!
 for l=1,2,4,0,12 write "255 len ",l,": ",$$FUNC^%DH(255,l),!
 write "string 12ab: ",$$FUNC^%DH("12ab"),!
 write "empty: ",$$FUNC^%DH(""),!
 write "negative: ",$$FUNC^%DH(-1)," ",$$FUNC^%DH(-256)," ",$$FUNC^%DH(-4096)," ",$$FUNC^%DH(-1,4),!
 write "fraction: ",$$FUNC^%DH(10.7),!
 write "big: ",$$FUNC^%DH(123456789012345678),!
 quit
