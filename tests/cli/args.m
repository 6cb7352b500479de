args write "[",$zcmdline,"]",!
 quit
halt3 zhalt 3
