wrtab1 ; WRITE ?n tab
 write "ab",?5,"c",!
 write ?3,"three",!
 write "abcdefgh",?4,"past",!
 write "abc",?3,"exact",!
 write ?0,"zero",!
 write "x",?2,"y",?4,"z",?6,"w",!
 set n=8 write "n",?n,"var",!
 write ?2+3,"expr",!
 write "abcdef",?3,"X",$x,!
 write ?-1,"neg",!
 write "x=",$x," then tab" write ?20,"x=",$x,!
 quit
