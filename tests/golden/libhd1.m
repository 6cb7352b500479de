libhd1 ; $$FUNC^%HD: hexadecimal to decimal
 for h="0","1","9","A","F","FF","ff","100","FFF","FFFF","10000","7FFFFFFF","FFFFFFFF","100000000","000000FF" write h,": ",$$FUNC^%HD(h),!
 write "empty: ",$$FUNC^%HD(""),!
 write "invalid G: ",$$FUNC^%HD("G"),!
 write "mixed 1g: ",$$FUNC^%HD("1G"),!
 write "numeric arg 10: ",$$FUNC^%HD(10),!
 write "long: ",$$FUNC^%HD("FFFFFFFFFFFF"),!
 quit
